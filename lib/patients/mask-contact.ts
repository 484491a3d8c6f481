// Contacts on file are shown masked so that someone who knows a patient's name and birthdate
// learns nothing new: enough for the real patient to recognise, too little to use.

/** "john.smith@gmail.com" → "j•••@gmail.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

/** "+15550101234" → "(•••) •••-1234". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `(•••) •••-${digits.slice(-4)}`;
}
