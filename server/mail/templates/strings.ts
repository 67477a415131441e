import type { ContentLocale } from '../../../src/contract/index.js';
import { cy } from './strings-cy.js';
import { en, type MailStrings } from './strings-en.js';
import { gd } from './strings-gd.js';

/** The members' emails' sentences in each language the server writes (the one the member signed up in). */
export const MAIL_STRINGS: Record<ContentLocale, MailStrings> = { 'en-GB': en, gd, cy };
export type { MailStrings };
