/**
 * The parts catalogue (备件库存) as the fee calculator prices it: the one source of a part's price, name and 易损件
 * flag. Inactive parts come too, so a saved line naming one says why it is refused instead of "unknown part".
 */
import { useMemo } from 'react';
import type { PartPrice } from '../../../../shared/domain/fees';
import { useApi } from '../../api/use-api';

/** The picker lists at most this many parts (the contract's page size); search narrows it. */
const CATALOGUE_LIMIT = 500;

export function usePartPrices() {
  const list = useApi('parts.list', { includeInactive: true, limit: CATALOGUE_LIMIT });
  const parts = useMemo<PartPrice[] | null>(
    () => list.data?.map((p) => ({ partNo: p.partNo, name: p.name, priceFen: p.priceFen, consumable: p.consumable, active: p.active })) ?? null,
    [list.data],
  );
  return { parts, error: list.error };
}
