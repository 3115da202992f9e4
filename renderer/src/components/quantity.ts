/** A part quantity with its unit as people read it ("0.8 kg", "2 个"), and how its input takes what is typed. */
import type { TFunction } from 'i18next';
import type { PartUnit } from '../../../shared/domain/parts';

export function quantityText(t: TFunction, quantity: number, unit: PartUnit): string {
  return `${quantity} ${t(`partUnit.${unit}`)}`;
}

/**
 * Every quantity input takes two decimals, pieces too: "1.5" typed for a piece must reach the core and be
 * refused in words, not lose its point and become 15 (what an input without decimals does).
 */
export const QUANTITY_INPUT = { allowDecimal: true, decimalScale: 2 } as const;
