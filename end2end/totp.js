// The codes an authenticator app shows (RFC 6238: HMAC-SHA-1, 6 digits,
// 30-second steps), for signing in as the demo jurists and coordinators.
const crypto = require('node:crypto');

/** The two-factor key of the demo jurists and coordinators (`tutela seed --demo`). */
const demoTotpSecret = 'KRKVIRKMIFCEKTKPKRKVIRKMIFCEKTKP';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The number of the 30-second step we are in. */
function currentStep() {
  return Math.floor(Date.now() / 1000 / 30);
}

/** The code for `secret`, `stepsAhead` steps of 30 seconds from now. */
function totpCode(secret, stepsAhead = 0) {
  return codeAt(secret, currentStep() + stepsAhead);
}

/** The code for `secret` in time step `step`. */
function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

/** Milliseconds until the next 30-second step begins. */
function untilNextStep() {
  return 30_000 - (Date.now() % 30_000) + 100;
}

module.exports = { demoTotpSecret, codeAt, currentStep, totpCode, untilNextStep };
