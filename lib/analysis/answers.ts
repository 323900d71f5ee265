import "server-only";
import { coalesceFresh } from "@/lib/coalesce";
import { getPool } from "@/lib/db";

/**
 * Analysis answers (the fleet summary, the service list, a service's detail) as JSON text,
 * kept per replica for the analysis generation they were computed in. Every change that can
 * change an answer bumps the generation in Postgres (`bumpAnalysisGeneration`), and every
 * read checks it with a query sent after the read arrived, so a replica never serves an answer
 * older than the data it can see, and replicas stay interchangeable. Between uploads (hourly,
 * typically), a read costs that query (shared, below) instead of recomputing and serialising
 * the answer.
 */

const MAX_ANSWERS = 500;
const answers = new Map<string, { generation: string; answer: Promise<Answer> }>();

/** One answer: JSON text for pages, and its UTF-8 bytes, encoded once, for the API to send. */
export class Answer {
  private encoded: Uint8Array | null = null;
  constructor(readonly json: string) {}

  /** Encoding 300 kB of text anew for every request was the largest single cost of a read. */
  get bytes(): Uint8Array {
    this.encoded ??= new TextEncoder().encode(this.json);
    return this.encoded;
  }
}

/**
 * The answer for `key`, computed by `compute` unless this replica computed it in the current
 * generation. Concurrent requests for a missing answer share one computation.
 */
export async function cachedAnswer(key: readonly unknown[], compute: () => Promise<unknown>): Promise<Answer> {
  const id = JSON.stringify(key);
  const generation = await readAnalysisGeneration();
  const known = answers.get(id);
  if (known?.generation === generation) {
    // Most recently used last, so the oldest are dropped first.
    answers.delete(id);
    answers.set(id, known);
    return known.answer;
  }
  const answer = compute().then((value) => new Answer(JSON.stringify(value)));
  answers.set(id, { generation, answer });
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
  // Errors (a service that does not exist) are not kept: the next read asks again.
  answer.catch(() => {
    if (answers.get(id)?.answer === answer) answers.delete(id);
  });
  return answer;
}

/**
 * Concurrent reads share one generation query, each waiting for one sent after it arrived (so
 * an upload's own client always sees its upload): under 20 concurrent clients this query was
 * one round trip per read, and Postgres shares the replica's two cores.
 */
const readAnalysisGeneration = coalesceFresh(queryAnalysisGeneration);

async function queryAnalysisGeneration(): Promise<string> {
  const { rows } = await getPool().query<{ generation: string }>("SELECT generation::text AS generation FROM analysis_generation WHERE id = 1");
  // Without the row (a database restored without it), nothing is kept: every read computes.
  return rows[0]?.generation ?? `none-${Math.random()}`;
}

/**
 * Marks every kept answer as outdated. Called after the change committed: a read that began
 * before the commit may keep its answer under the old generation, which this then retires.
 */
export async function bumpAnalysisGeneration(): Promise<void> {
  await getPool().query("UPDATE analysis_generation SET generation = generation + 1 WHERE id = 1");
}
