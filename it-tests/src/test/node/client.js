#!/usr/bin/env node
// A riskpulse.v1 client in Node.js (@grpc/grpc-js, the .proto loaded at run time by @grpc/proto-loader): reads a
// portfolio with GetPortfolio, then watches it with WatchPortfolio from the version it read, and stops after a
// given number of updates. It shows that the API's .proto serves an ecosystem other than the JVM's.
//
// Output, one JSON object per line on stdout:
//   {"getPortfolio": {...}}      the Portfolio message (fields in lowerCamelCase, int64 as strings, enums by name)
//   {"update": {...}}            one per PortfolioUpdate received
//   {"error": {"code": 7, "details": "..."}}  a gRPC status other than OK (then exit code 3)
// Exit codes: 0 done, 2 bad arguments or unreadable files, 3 a gRPC error.
//
// Arguments (or the environment variables beside them):
//   --target HOST:PORT     RISKPULSE_TARGET        the node's gRPC address, e.g. 127.0.0.1:50051
//   --cert FILE            RISKPULSE_CERT          PEM certificate (or CA) to trust, e.g. <data-dir>/grpc/tls/cert.pem
//   --token TOKEN          RISKPULSE_TOKEN         bearer token, sent as `authorization: Bearer <token>`
//   --portfolio ID         RISKPULSE_PORTFOLIO     the portfolio to read and watch
//   --updates N            RISKPULSE_UPDATES       how many watch updates to read; 0 reads the portfolio only
//   --proto-dir DIR        RISKPULSE_PROTO_DIR     folder holding riskpulse/v1/riskpulse.proto
//   --deadline-ms MS       RISKPULSE_DEADLINE_MS   deadline of GetPortfolio (default 10000); the watch has none
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const EXIT_USAGE = 2;
const EXIT_GRPC_ERROR = 3;
const PROTO_FILE = 'riskpulse/v1/riskpulse.proto';

function usage(message) {
  process.stderr.write(`client.js: ${message}\n`);
  process.exit(EXIT_USAGE);
}

function settings() {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: process.env.RISKPULSE_TARGET },
      cert: { type: 'string', default: process.env.RISKPULSE_CERT },
      token: { type: 'string', default: process.env.RISKPULSE_TOKEN },
      portfolio: { type: 'string', default: process.env.RISKPULSE_PORTFOLIO },
      updates: { type: 'string', default: process.env.RISKPULSE_UPDATES ?? '1' },
      'proto-dir': { type: 'string', default: process.env.RISKPULSE_PROTO_DIR },
      'deadline-ms': { type: 'string', default: process.env.RISKPULSE_DEADLINE_MS ?? '10000' },
    },
  });
  for (const name of ['target', 'cert', 'token', 'portfolio', 'proto-dir']) {
    if (!values[name]) {
      usage(`--${name} is required`);
    }
  }
  const updates = Number(values.updates);
  const deadlineMs = Number(values['deadline-ms']);
  if (!Number.isInteger(updates) || updates < 0) {
    usage(`--updates must be a whole number >= 0: ${values.updates}`);
  }
  if (!Number.isInteger(deadlineMs) || deadlineMs <= 0) {
    usage(`--deadline-ms must be a whole number > 0: ${values['deadline-ms']}`);
  }
  return { ...values, updates, deadlineMs };
}

function print(kind, message) {
  process.stdout.write(`${JSON.stringify({ [kind]: message })}\n`);
}

function failed(error) {
  print('error', { code: error.code, details: error.details });
  process.exitCode = EXIT_GRPC_ERROR;
}

function main() {
  const options = settings();
  let rootCert;
  try {
    rootCert = fs.readFileSync(options.cert);
  } catch (e) {
    usage(`cannot read the certificate ${options.cert}: ${e.message}`);
  }
  const protoDir = path.resolve(options['proto-dir']);
  const definition = protoLoader.loadSync(PROTO_FILE, {
    includeDirs: [protoDir],
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const api = grpc.loadPackageDefinition(definition).riskpulse.v1;

  const token = grpc.credentials.createFromMetadataGenerator((_params, callback) => {
    const metadata = new grpc.Metadata();
    metadata.add('authorization', `Bearer ${options.token}`);
    callback(null, metadata);
  });
  const credentials = grpc.credentials.combineChannelCredentials(grpc.credentials.createSsl(rootCert), token);
  const client = new api.PortfolioService(options.target, credentials);

  const deadline = new Date(Date.now() + options.deadlineMs);
  client.GetPortfolio({ portfolioId: options.portfolio }, { deadline }, (error, portfolio) => {
    if (error) {
      failed(error);
      client.close();
      return;
    }
    print('getPortfolio', portfolio);
    if (options.updates === 0) {
      client.close();
      return;
    }
    // From the version just read: the updates after the first carry only what changed since the read.
    const watch = client.WatchPortfolio({ portfolioId: options.portfolio, resumeAfterVersion: portfolio.version });
    let received = 0;
    watch.on('data', (update) => {
      if (received === options.updates) {
        return;
      }
      received += 1;
      print('update', update);
      if (received === options.updates) {
        watch.cancel();
        client.close();
      }
    });
    watch.on('error', (e) => {
      if (received < options.updates) {
        failed(e);
        client.close();
      }
    });
    watch.on('end', () => {
      if (received < options.updates) {
        print('error', { code: grpc.status.UNKNOWN, details: `the watch ended after ${received} updates` });
        process.exitCode = EXIT_GRPC_ERROR;
        client.close();
      }
    });
  });
}

main();
