/**
 * What each GWS statusCode means, in words a supervisor can act on (gws-api.md §1.3). The server's
 * own statusMessage follows in the error text, because it is often the most specific part.
 */
const statusMeanings: Readonly<Record<number, string>> = {
  1: 'A required value was missing',
  2: 'That is not possible in the current state',
  3: 'The contact center does not allow that operation',
  4: 'The contact center had an internal error',
  5: 'Your user does not have permission for that',
  6: 'The contact center no longer knows that item',
  7: 'It only partly worked',
  8: 'Your password must be changed before you can sign in',
  9: 'The contact center has not finished processing it',
  10: 'A value was out of range',
  11: 'That value cannot be changed',
  18: 'It already exists',
  19: 'It is already in use (another supervisor may be monitoring)',
  20: 'You are not signed in',
};

export function describeGwsStatus(statusCode: number, statusMessage: string | undefined): string {
  const meaning =
    statusMeanings[statusCode] ??
    (statusCode >= 12 && statusCode <= 17 ? 'The contact center could not update it' : 'The contact center refused it');
  const detail = statusMessage?.trim();
  return detail ? `${meaning}: ${detail} (GWS status ${statusCode}).` : `${meaning} (GWS status ${statusCode}).`;
}
