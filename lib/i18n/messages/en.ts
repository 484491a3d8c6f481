// Patient-facing English. Spanish (es.ts) must have exactly the same keys: the type enforces it.

export const en = {
  languageName: "English",
  switchTo: "Español",
  common: {
    callUs: "Questions? Call",
    poweredBy: "Secure payments powered by Chairside.",
    back: "Back",
    continue: "Continue",
    required: "Required",
  },
  landing: {
    lead: "Pay your dental bill online, safely, in about a minute.",
    payNow: "Pay now",
    payNowHint: "Pay an amount you choose. No code needed.",
    seeBalance: "See my balance and pay",
    seeBalanceHint: "We'll send a code to your email or phone first.",
    chooseClinic: "Choose your office",
    yourClinic: (name: string) => `Paying ${name}`,
  },
  unavailable: {
    title: "Online payments aren't available right now",
    suspended: (name: string) => `${name}'s online payment page is temporarily unavailable.`,
    notReady: (name: string) => `${name} isn't taking payments online yet.`,
    callToPay: "Please call us to pay or ask about your balance:",
    callOffice: "Please call the office to pay or ask about your balance.",
  },
  notFound: {
    practiceTitle: "We couldn't find that practice",
    practiceBody: "Please check the web address your dental office gave you. If you typed it, make sure it is spelled the same way.",
    pageTitle: "Page not found",
    pageBody: "The page you were looking for isn't here.",
    goToPractice: (name: string) => `Go to ${name}'s payment page`,
  },
};

export type Messages = typeof en;
