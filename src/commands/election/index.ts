import type { CommandGroupInput } from '../types.js';
import { ask } from './ask.js';
import { assurance } from './assurance.js';
import { balloon } from './balloon.js';
import { digest } from './digest.js';
import { sources } from './sources.js';
import { threats } from './threats.js';

export const electionCommand: CommandGroupInput = {
  name: 'election',
  description: 'Our election-security reporting: briefs, questions, digest',
  access: 'everyone',
  allowInDMs: true,
  subcommands: [assurance, balloon, threats, ask, digest, sources],
  defaultSubcommand: 'help',
};
