export { startSimulator, type SimulatorHandle, type SimulatorOptions, type SimulatedOrder, type SimulatedProductOrder, type SimulatedRefill } from "./start-simulator";
export { parseFaultSpec, type Fault, type FaultKind } from "./faults";
export { DEFAULT_REALTIME_SPEED, type ClockOption } from "./clock";
export { ERROR_TEXTS, SIMULATED_ACTIONS } from "./actions";
export type { SimProduct, SimService } from "./catalog";
export type { OtherCustomersOption } from "./other-customers";
export { scriptOutcomes, setSimulatorStock, e2eSimulator, type SimulatorAddress } from "./script-client";
export type { ScriptedOutcome, ScriptTarget } from "./scripted-outcomes";
