import type { Joining } from '../../src/contract/admin.js';
import type { Session } from '../../src/contract/index.js';

/**
 * Example joining details for the seeded online and hybrid sessions (example.org, which resolves
 * nowhere real): the demo's confirmed members see them in their booking and emails. Apart from
 * makeSessions, which Storybook and the browser tests use as public data.
 */
export function seedJoining(session: Pick<Session, 'id' | 'delivery'>): Joining | undefined {
  if (session.delivery === 'in-person') return undefined;
  // Nine digits from the id, so a session keeps its meeting ID across restarts.
  let hash = 7;
  for (const c of session.id) hash = (hash * 31 + c.charCodeAt(0)) % 1_000_000_000;
  const meeting = String(hash).padStart(9, '0').replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
  const online =
    `Meeting ID ${meeting}. Join 5 minutes early to check your sound and camera; the trainer lets everyone in from the waiting room.`;
  return {
    url: `https://meet.example.org/mobilise/${session.id}`,
    instructions: session.delivery === 'hybrid' ? `If you come to the venue, you do not need the link. Joining online: ${online}` : online,
  };
}
