import type { Audience } from './enums.js';

/**
 * "My Mobilise pathway" (issue 14): for each audience, the modules to take, in order, by id
 * (server/seed/modules.ts). From the programme's own words: it is "an easy entry point for new
 * activists" (Voter Persuasion, then Field Organising part one and part two), it will "energise
 * our existing leaders and candidates", and Building your CLP shares best practice "for Labour
 * Party role holders". A part always follows the parts before it. Data, not code: a CLP that
 * orders its programme differently edits these lists, and test/node/pathways.test.ts holds them
 * to the seed (every id exists, every module is on some pathway, prerequisites come first).
 * Not imported by the embed: only the server and the pathway element read it.
 */
export const PATHWAYS: Record<Audience, readonly string[]> = {
  'new-activists': [
    'voter-persuasion',
    'field-organising-1',
    'field-organising-2',
    'community-organising',
    'digital-organising',
    'message-digital-social',
  ],
  activists: [
    'voter-persuasion',
    'field-organising-1',
    'field-organising-2',
    'digital-organising',
    'community-organising',
    'message-digital-social',
    'message-print',
    'targeting-and-analysis',
    'working-with-trade-unions',
  ],
  candidates: [
    'voter-persuasion',
    'field-organising-1',
    'field-organising-2',
    'message-print',
    'message-digital-social',
    'message-digital-advertising',
    'message-digital-video',
    'targeting-and-analysis',
  ],
  'role-holders': [
    'building-your-clp',
    'working-with-trade-unions',
    'community-organising',
    'digital-organising',
    'field-organising-1',
    'field-organising-2',
    'targeting-and-analysis',
    'message-print',
    'message-digital-advertising',
  ],
};
