// The framework every dynamic resource of this package is built on: input checks, ownership marks,
// properties, secretness, the base class that stores a one-line provider, and the older serialized
// forwarder (stacks made before it still hold that). providerProcess.ts is left out: importing it
// changes the process (console, transcript), so only provider modules import it, by its own path.
export * from "./checks";
export * from "./ownership";
export * from "./props";
export * from "./secretness";
export * from "./dynamicResource";
export * from "./forwarder";
