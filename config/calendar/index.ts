/**
 * The State Council holiday notices this deployment knows. Loading a new year's notice is a data change:
 * add `cn-YYYY.json` (with its source) beside this file and one line below. Years without a notice fall back
 * to Monday-Friday working days, and every deadline computed that way is flagged "calendar not confirmed".
 */
import cn2025 from './cn-2025.json' with { type: 'json' };
import cn2026 from './cn-2026.json' with { type: 'json' };

export const HOLIDAY_NOTICES: readonly unknown[] = [cn2025, cn2026];
