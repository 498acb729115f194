-- wrk script: single-phase p2p transfers between funded wallets, each with a fresh id.
--
--   wrk -t 2 -c 16 -d 20s --latency -s bench/wrk/transfers.lua http://127.0.0.1:8080 \
--       -- WALLETS_FILE TOKEN SEED [CURRENCY] [hot]
--
--   ... -- WALLETS_FILE TOKEN SEED [CURRENCY] [uniform|hot|batch:N] [random|time-ordered]
--
-- WALLETS_FILE holds one account id per line, as written by
-- `java -jar bench/target/socialbank-bench.jar --setup-only WALLETS_FILE` (which creates and
-- funds them). With "hot", every transfer credits the first wallet (a merchant every customer
-- pays: the hot account of issue 22) from one of the others. Otherwise the work per request is
-- the Java generator's: two distinct random wallets, an
-- amount of 1..1000 minor units, a new UUID as the transfer's id (its idempotency key). With
-- "batch:N" each request carries N such transfers to POST /api/v1/transfers/batch (booked all or
-- none, in one transaction), and the figures count transfers, not requests. At the
-- end it prints one line "wrk-json {...}" with the counts and latency percentiles that
-- bench/run.sh reads; answers are counted by status (200 would be a repeated id, so a run
-- with any 200 reused ids and is not a fair measurement).
--
-- The last argument chooses the ids: "random" (the default, version-4 UUIDs) or "time-ordered"
-- (version-7 UUIDs, RFC 9562: a millisecond timestamp first, then a counter, so that each id
-- sorts after the thread's previous one). The journal's index on the id takes a random id on a
-- random page and a time-ordered one on its last page (docs/ledger.md, "Transfer ids").

local wallets = {}
local token, currency
local threads = {}
local hot = false
local time_ordered = false
batch = 0 -- a global: done() reads it from a thread

-- Runs once per thread, in the main interpreter, before the threads start: each thread gets its
-- own number (a global in the thread's interpreter), so that no two threads draw the same ids.
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local function read_wallets(path)
  local list = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if line:match("^%x%x%x%x%x%x%x%x%-") then
      table.insert(list, line)
    end
  end
  file:close()
  assert(#list >= 2, "need at least two wallets in " .. path)
  return list
end

-- Runs in each thread with the arguments after `--`.
function init(args)
  wallets = read_wallets(args[1])
  token = args[2]
  local seed = tonumber(args[3] or "1")
  currency = args[4] or "EUR"
  hot = args[5] == "hot"
  batch = tonumber((args[5] or ""):match("^batch:(%d+)$") or "0")
  local ids = args[6] or "random"
  assert(ids == "random" or ids == "time-ordered", "ids must be random or time-ordered: " .. ids)
  time_ordered = ids == "time-ordered"
  -- A run against the same server must not replay an earlier run's ids (they would be answered
  -- 200, as repeats): callers pass a new seed per run (bench/run.sh does).
  math.randomseed(seed * 1000 + thread_number)
  statuses = {}
end

local hex = "0123456789abcdef"

local function random_hex(n)
  local out = {}
  for i = 1, n do
    local k = math.random(1, 16)
    out[i] = hex:sub(k, k)
  end
  return table.concat(out)
end

-- A version-4 UUID: 122 random bits, the version nibble 4 and the variant bits 10.
local function uuid()
  local v = ({ "8", "9", "a", "b" })[math.random(1, 4)]
  return random_hex(8) .. "-" .. random_hex(4) .. "-4" .. random_hex(3) .. "-" .. v
      .. random_hex(3) .. "-" .. random_hex(12)
end

-- A version-7 UUID (RFC 9562 section 5.7, with the counter of its section 6.2, method 1): 48
-- bits of Unix time in milliseconds, the version nibble 7, a 26-bit counter (12 bits, then 14
-- after the variant bits 10) that restarts when the time moves on, the thread's number, then
-- random bits (the layout of the server's own `shared.TimeOrderedIds`). wrk's Lua has a clock in
-- seconds only: the counter orders the ids within a second.
local last_second, counter = -1, 0

local function time_ordered_uuid()
  local second = os.time()
  if second ~= last_second then
    last_second, counter = second, 0
  else
    counter = counter + 1
    assert(counter < 2 ^ 26, "more than 2^26 ids in one second")
  end
  local millis = second * 1000
  local high, low = math.floor(millis / 2 ^ 24), millis % 2 ^ 24
  local counter_high, counter_low = math.floor(counter / 2 ^ 14), counter % 2 ^ 14
  local top = high * 2 ^ 8 + math.floor(low / 2 ^ 16) -- the time's first 32 bits
  return string.format("%04x%04x-%04x-7%03x-%04x-%02x", math.floor(top / 2 ^ 16), top % 2 ^ 16,
    low % 2 ^ 16, counter_high, 2 ^ 15 + counter_low, thread_number % 256)
      .. random_hex(10)
end

local function transfer_json()
  local n = #wallets
  local debit, credit
  if hot then
    credit = 1
    debit = math.random(2, n)
  else
    debit = math.random(1, n)
    credit = math.random(1, n - 1)
    if credit >= debit then
      credit = credit + 1
    end
  end
  return string.format(
    '{"id":"%s","debitAccountId":"%s","creditAccountId":"%s","amountMinor":%d,"currency":"%s","code":"p2p"}',
    time_ordered and time_ordered_uuid() or uuid(), wallets[debit], wallets[credit], math.random(1, 1000), currency)
end

function request()
  local path, body = "/api/v1/transfers", nil
  if batch > 0 then
    local parts = {}
    for i = 1, batch do
      parts[i] = transfer_json()
    end
    path, body = "/api/v1/transfers/batch", '{"transfers":[' .. table.concat(parts, ",") .. "]}"
  else
    body = transfer_json()
  end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  -- init() ran in each thread's interpreter, not in this one: ask a thread for the batch size
  local per_request = math.max(tonumber(threads[1]:get("batch")) or 0, 1)
  local ok, other = 0, 0
  local parts = {}
  for status, count in pairs(by_status) do
    if status == 201 then
      ok = ok + count * per_request
    else
      other = other + count
    end
    table.insert(parts, string.format('"%d":%d', status, count))
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'wrk-json {"transfersPerSecond":%.1f,"count2xx":%d,"countNon2xx":%d,"errors":%d,'
      .. '"p50Ms":%.3f,"p99Ms":%.3f,"p999Ms":%.3f,"maxMs":%.3f,"seconds":%.3f,"statuses":{%s}}\n',
    ok / seconds, ok, other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, seconds, table.concat(parts, ",")))
end
