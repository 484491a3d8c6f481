import type { Messages } from "./en";

// Español para pacientes. Mismas claves que en.ts.

export const es: Messages = {
  languageName: "Español",
  switchTo: "English",
  common: {
    callUs: "¿Preguntas? Llame al",
    poweredBy: "Pagos seguros con Chairside.",
    back: "Atrás",
    continue: "Continuar",
    required: "Obligatorio",
  },
  landing: {
    lead: "Pague su cuenta dental en línea, de forma segura, en un minuto.",
    payNow: "Pagar ahora",
    payNowHint: "Pague la cantidad que usted elija. No necesita código.",
    seeBalance: "Ver mi saldo y pagar",
    seeBalanceHint: "Primero le enviaremos un código a su correo o teléfono.",
    chooseClinic: "Elija su consultorio",
    yourClinic: (name: string) => `Pago a ${name}`,
  },
  unavailable: {
    title: "Los pagos en línea no están disponibles ahora",
    suspended: (name: string) => `La página de pagos de ${name} no está disponible por el momento.`,
    notReady: (name: string) => `${name} todavía no acepta pagos en línea.`,
    callToPay: "Llámenos para pagar o preguntar por su saldo:",
    callOffice: "Llame al consultorio para pagar o preguntar por su saldo.",
  },
  notFound: {
    practiceTitle: "No encontramos ese consultorio",
    practiceBody: "Revise la dirección web que le dio su consultorio dental. Si la escribió usted, asegúrese de que esté escrita igual.",
    pageTitle: "Página no encontrada",
    pageBody: "La página que buscaba no está aquí.",
    goToPractice: (name: string) => `Ir a la página de pagos de ${name}`,
  },
};
