// s3rver 3.7 ships no types: the part the tests use (a local S3-compatible server).
declare module "s3rver" {
  import type { Server } from "node:http";

  export type S3rverOptions = {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string }[];
  };

  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    readonly httpServer?: Server;
  }
}
