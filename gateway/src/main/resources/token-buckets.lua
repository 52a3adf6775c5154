-- Token buckets shared by every gateway instance, taken atomically (one script runs at a time in Redis).
-- KEYS: the buckets one request spends from (e.g. its client's and its person's);
-- ARGV: for each key, its rate per second and its burst.
-- Answers, for each key: allowed (1 or 0), the whole tokens left, and the seconds to wait when refused.
-- The store's own clock (TIME) is the one clock, so gateways whose clocks differ still share one bucket.
-- A bucket is a hash {t = tokens, at = when last taken}; it expires once it would be full again.
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local answer = {}
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
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
  if tokens >= 1 then
    tokens = tokens - 1
    allowed = 1
  else
    wait = math.max(1, math.ceil((1 - tokens) / rate))
  end
  redis.call('HSET', key, 't', string.format('%.6f', tokens), 'at', string.format('%.6f', now))
  redis.call('EXPIRE', key, math.ceil(burst / rate) + 1)
  answer[#answer + 1] = allowed
  answer[#answer + 1] = math.floor(tokens)
  answer[#answer + 1] = wait
end
return answer
