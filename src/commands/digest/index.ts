import type { CommandGroupInput } from '../types.js';
import { pause, remove, resume, sendNow } from './manage.js';
import { list, preview, status } from './report.js';
import { subscribe } from './subscribe.js';

/** `/digest`: admins schedule digests for their own workspace's channels (commands.md). */
export const digestCommand: CommandGroupInput = {
  name: 'digest',
  description: 'Admins: schedule election-security digests for channels',
  access: 'admin',
  allowInDMs: false,
  subcommands: [subscribe, list, pause, resume, remove, preview, sendNow, status],
  defaultSubcommand: 'list',
};
