/** The heavy-work worker for tinypool, which hands a worker its data as the second item of `workerData`. */
import { workerData } from 'node:worker_threads'
import { createHeavyTasks, type HeavyTaskSettings } from '../src/adapters/workers/heavy-tasks.js'
import type { WorkerResult, WorkerTask } from '../src/adapters/workers/heavy-work.worker.js'

const tasks = await createHeavyTasks((workerData as [unknown, HeavyTaskSettings])[1])

export default async function runTask({ name, input, started }: WorkerTask): Promise<WorkerResult> {
  started.postMessage(null)
  started.close()
  return { ok: true, value: await (tasks[name] as (input: unknown) => unknown)(input) }
}
