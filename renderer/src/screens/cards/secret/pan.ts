// How a revealed card number is shown: in groups of four, as printed on the card.
export function groupInFours(pan: string): string {
  return pan.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}
