-- One provider's budgets, shared by every Leadline JVM through Redis. Time is Redis's own clock
-- (TIME), so JVMs whose clocks disagree still agree on the budget. A bucket is a hash
-- {available, at}, refilled continuously at its per-minute rate up to `burst` worth of it, as
-- TokenBucket does in one JVM.
-- KEYS: 1 requests bucket, 2 tokens bucket, 3 pause marker (exists while the provider is paused)
-- ARGV: 1 operation (take | adjust | at-most | pause | paused), 2 requests per minute, 3 tokens
--       per minute (0 = unlimited), 4 burst in microseconds, 5 the operation's amount (tokens to
--       take, tokens to give back, tokens the provider says remain, milliseconds to pause)
-- Returns microseconds: how long to wait (take), the pause left (paused), else 0.
local op = ARGV[1]
local rpm, tpm, burst, amount = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local function read(key, perMinute)
  local perMicro = perMinute / 60000000
  local capacity = math.max(1, perMicro * burst)
  local state = redis.call('HMGET', key, 'available', 'at')
  local available = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or now
  if now > at then
    available = math.min(capacity, available + (now - at) * perMicro)
  end
  return { key = key, available = available, capacity = capacity, perMicro = perMicro }
end

local function write(bucket, available)
  available = math.min(bucket.capacity, available)
  redis.call('HSET', bucket.key, 'available', available, 'at', now)
  -- why: a bucket refilled to capacity equals no bucket, so an idle provider's keys can go
  local refillMillis = math.ceil((bucket.capacity - available) / bucket.perMicro / 1000)
  redis.call('PEXPIRE', bucket.key, refillMillis + 1000)
end

local function waitFor(bucket, needed)
  -- why: an estimate above the capacity could never fit; let it through once the bucket is full
  needed = math.min(needed, bucket.capacity)
  if bucket.available >= needed then
    return 0
  end
  return math.ceil((needed - bucket.available) / bucket.perMicro)
end

if op == 'take' then
  local paused = redis.call('PTTL', KEYS[3])
  if paused > 0 then
    return paused * 1000
  end
  local requests, tokens, wait = nil, nil, 0
  if rpm > 0 then
    requests = read(KEYS[1], rpm)
    wait = math.max(wait, waitFor(requests, 1))
  end
  if tpm > 0 then
    tokens = read(KEYS[2], tpm)
    wait = math.max(wait, waitFor(tokens, amount))
  end
  if wait > 0 then
    return wait
  end
  if requests then
    write(requests, requests.available - 1)
  end
  if tokens then
    write(tokens, tokens.available - amount)
  end
  return 0
elseif op == 'adjust' or op == 'at-most' then
  if tpm > 0 then
    local tokens = read(KEYS[2], tpm)
    write(tokens, op == 'adjust' and tokens.available + amount or math.min(tokens.available, amount))
  end
  return 0
elseif op == 'pause' then
  if redis.call('PTTL', KEYS[3]) < amount then
    redis.call('SET', KEYS[3], '1', 'PX', amount)
  end
  return 0
elseif op == 'paused' then
  return math.max(0, redis.call('PTTL', KEYS[3])) * 1000
end
return redis.error_reply('unknown operation ' .. tostring(op))
