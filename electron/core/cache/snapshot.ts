// The account snapshot codec: format (schemas, layout), encoder and decoder, in one import.
export * from './snapshot-format';
export { encodeAccount } from './snapshot-encode';
export type { EncodedAccount } from './snapshot-encode';
export { decodeAccount } from './snapshot-decode';
export type { DecodedAccount } from './snapshot-decode';
