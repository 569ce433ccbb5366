/** Data every deployment bundles: the rule table, the legal calendar, the staff directory, the simulator script. */
import { HOLIDAY_NOTICES } from '#config/calendar/index.ts';
import staff from '#config/staff.json' with { type: 'json' };
import { type LegalCalendar, legalCalendar } from '#domain/calendar/legal-calendar.ts';
import type { Rules } from '#domain/rules/table.ts';
import { RULES } from '#domain/rules/values.ts';
import { JsonStaffDirectory } from '../adapters/staff/json-directory.ts';

export function referenceData(): { rules: Rules; calendar: LegalCalendar; staff: JsonStaffDirectory } {
  return { rules: RULES, calendar: legalCalendar(HOLIDAY_NOTICES), staff: new JsonStaffDirectory(staff) };
}
