/** The platform version reported by systeminfo and health; set at build time through BERTH_VERSION. */
export const BERTH_VERSION = process.env['BERTH_VERSION'] ?? '0.1.0';
