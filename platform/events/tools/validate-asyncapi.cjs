// Validates docs/asyncapi.yaml with the official AsyncAPI parser (3.x), offline.
// Not part of the Maven build (no Node there); run by hand after editing the document:
//   npm install --prefix /tmp/asyncapi-parser @asyncapi/parser@3
//   NODE_PATH=/tmp/asyncapi-parser/node_modules node platform/events/tools/validate-asyncapi.cjs docs/asyncapi.yaml
const { Parser, fromFile } = require('@asyncapi/parser');
const path = require('path');

const SEVERITY = ['error', 'warning', 'info', 'hint'];

async function main() {
  const file = path.resolve(process.argv[2] || 'docs/asyncapi.yaml');
  const { document, diagnostics } = await fromFile(new Parser(), file).parse();
  for (const d of diagnostics) {
    console.log(`${SEVERITY[d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 0).length;
  if (!document || errors > 0) {
    console.log(`INVALID: ${file}`);
    process.exit(1);
  }
  console.log(`valid: ${document.allChannels().length} channels, ${document.allMessages().length} messages, `
    + `${document.allOperations().length} operations`);
}

main().catch((e) => { console.error(e); process.exit(2); });
