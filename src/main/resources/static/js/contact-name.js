// How a contact is named on every page: its name, else its address or username, else its number.
export function contactName(c) {
  const name = c.fullName || [c.firstName, c.lastName].filter(Boolean).join(' ');
  return name || c.email || (c.instagram ? `@${c.instagram}` : `#${c.id}`);
}
