// Reads a GIFT file with gift-pegjs (an independent parser from the npm registry) and prints its
// questions as JSON, for tests/test_lms.py. Usage: node parse_gift.js FILE
const fs = require("fs");
const { parse } = require("gift-pegjs");
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
