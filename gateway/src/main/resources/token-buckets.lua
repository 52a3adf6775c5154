-- Token buckets shared by every gateway instance, taken atomically (one script runs at a time in Redis).
-- KEYS: the buckets one request spends from (e.g. its client's and its person's);
-- ARGV: for each key, its rate per second, its burst, and how many tokens the gateway would take at once (a lease: it
-- spends one now and keeps the rest for its next requests; 1 when it takes only this request's).
-- Answers, for each key: allowed (1 or 0), the whole tokens left, the seconds to wait when refused, and the tokens
-- taken (0 when refused, else between 1 and the lease asked for).
-- The store's own clock (TIME) is the one clock, so gateways whose clocks differ still share one bucket.
-- A bucket is a hash {t = tokens, at = when last taken}; it expires once it would be full again.
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local answer = {}
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[3 * i - 2])
  local burst = tonumber(ARGV[3 * i - 1])
  local want = math.max(1, tonumber(ARGV[3 * i]))
  local state = redis.call('HMGET', key, 't', 'at')
  local tokens = tonumber(state[1])
  local at = tonumber(state[2])
  if tokens == nil or at == nil then
    tokens = burst
    at = now
  end
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
  local allowed = 0
  local wait = 0
  local taken = 0
  if tokens >= 1 then
    taken = math.min(want, math.floor(tokens))
    tokens = tokens - taken
    allowed = 1
  else
    wait = math.max(1, math.ceil((1 - tokens) / rate))
  end
  redis.call('HSET', key, 't', string.format('%.6f', tokens), 'at', string.format('%.6f', now))
  redis.call('EXPIRE', key, math.ceil(burst / rate) + 1)
  answer[#answer + 1] = allowed
  answer[#answer + 1] = math.floor(tokens)
  answer[#answer + 1] = wait
  answer[#answer + 1] = taken
end
return answer
