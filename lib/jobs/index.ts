export { runSyncPass, describeSyncPass, workerOwner, type SyncPassOptions, type SyncPassReport } from "./run-sync-pass";
export { startWorkerLoop, type WorkerLoop } from "./worker-loop";
export { claimDueOrders, type ClaimedOrder } from "./claim-orders";
