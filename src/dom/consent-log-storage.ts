/**
 * Where the consent log client keeps what it has not yet delivered, beside the stored choice in
 * localStorage. The element looks here, in its first load, to decide whether to fetch the log
 * client at all, so this stays tiny.
 */

import { logQueueKey } from '../core/storage.js';

/** Whether an earlier page left records waiting to be sent. `false` when localStorage is blocked. */
export function hasQueuedLogRecords(win: Window, cookieName: string): boolean {
  try {
    return !!win.localStorage.getItem(logQueueKey(cookieName));
  } catch {
    return false;
  }
}
