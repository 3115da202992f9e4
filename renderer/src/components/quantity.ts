/** A part quantity with its unit as people read it ("0.8 kg", "2 个"), and the input's decimals for that unit. */
import type { TFunction } from 'i18next';
import { UNIT_DECIMALS, type PartUnit } from '../../../shared/domain/parts';

export function quantityText(t: TFunction, quantity: number, unit: PartUnit): string {
  return `${quantity} ${t(`partUnit.${unit}`)}`;
}

/** What a NumberInput for this unit accepts: whole pieces, or two decimals of kg, m, L. */
export function quantityInputProps(unit: PartUnit): { allowDecimal: boolean; decimalScale: number } {
  return { allowDecimal: UNIT_DECIMALS[unit] > 0, decimalScale: UNIT_DECIMALS[unit] };
}
