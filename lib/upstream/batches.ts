// Splitting id lists into the ≤100-id requests panels accept and merging the answers.
import type { BatchItemError, UpstreamFailure, UpstreamResult } from "./types";

export const MAX_IDS_PER_REQUEST = 100;

/** Duplicates are dropped: a repeated id in a refill or cancel batch would ask twice. */
export function uniqueIds(ids: ReadonlyArray<string | number>): string[] {
  return [...new Set(ids.map((id) => String(id).trim()).filter((id) => id !== ""))];
}

export function chunkIds(ids: string[], size = MAX_IDS_PER_REQUEST): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

function failedItem(failure: UpstreamFailure): BatchItemError {
  return { error: failure.message, kind: failure.kind };
}

/**
 * Runs the chunks one after another (gentler on rate limits). If every chunk failed the call
 * failed; otherwise the ids of a failed chunk carry that failure, so results already obtained
 * — refills or cancels already created — are never thrown away.
 */
export async function runKeyedBatch<T>(
  ids: ReadonlyArray<string | number>,
  runChunk: (chunk: string[]) => Promise<UpstreamResult<Map<string, T | BatchItemError>>>,
): Promise<UpstreamResult<Map<string, T | BatchItemError>>> {
  const merged = new Map<string, T | BatchItemError>();
  let firstFailure: UpstreamFailure | null = null;
  let anySucceeded = false;
  for (const chunk of chunkIds(uniqueIds(ids))) {
    const result = await runChunk(chunk);
    if (result.ok) {
      anySucceeded = true;
      for (const [id, item] of result.value) merged.set(id, item);
    } else {
      firstFailure ??= result;
      for (const id of chunk) merged.set(id, failedItem(result));
    }
  }
  if (firstFailure && !anySucceeded) return firstFailure;
  return { ok: true, value: merged };
}

export async function runListBatch<T>(
  ids: ReadonlyArray<string | number>,
  runChunk: (chunk: string[]) => Promise<UpstreamResult<T[]>>,
  itemForFailedId: (id: string, failure: BatchItemError) => T,
): Promise<UpstreamResult<T[]>> {
  const merged: T[] = [];
  let firstFailure: UpstreamFailure | null = null;
  let anySucceeded = false;
  for (const chunk of chunkIds(uniqueIds(ids))) {
    const result = await runChunk(chunk);
    if (result.ok) {
      anySucceeded = true;
      merged.push(...result.value);
    } else {
      firstFailure ??= result;
      for (const id of chunk) merged.push(itemForFailedId(id, failedItem(result)));
    }
  }
  if (firstFailure && !anySucceeded) return firstFailure;
  return { ok: true, value: merged };
}
