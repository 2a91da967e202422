// structuredClone exists in every runtime the engine runs in (Node 17+, Workers, browsers), but the
// core tsconfig has only the ES2022 lib, which does not declare it.
declare function structuredClone<T>(value: T): T;
