/** Prices are integer fen in the core; forms show and take yuan with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
export const toFen = (yuanValue: number | string): number => Math.round(Number(yuanValue || 0) * 100);
