/** Whether `language` (a shipped language) is written right to left: Arabic and Hebrew. */
export function isRightToLeft(language: string): boolean {
  return language === 'ar' || language === 'he';
}
