import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: references are read out over the phone and typed from emails. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A signup reference such as MOB-7K3Q9P: 31^6 ≈ 887 million values, from a CSPRNG. */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `MOB-${code}`;
}
