-- wrk script for POST /api/v1/ask (see docs/performance.md).
-- usage: wrk -t T -c C -d D -s perf/ask.lua http://127.0.0.1:PORT -- <questions-file> <mix|walk> <T> [sessions|nosessions]
-- The file holds one question per line as a JSON string literal (BenchmarkQuestions writes it).
--   mix:  half the requests ask one of the first 50 ("popular") questions, half any question of the
--         file, so popular questions repeat often and the rest now and then (FixedRateLoad draws alike)
--   walk: each thread walks its own share of the file in order, so every request is a new question;
--         a thread that reaches the end starts over and the run reports it (those are cache hits)
-- With "sessions" (the default) each thread asks 4 questions per session id, so short follow-ups such as
-- "那邮箱呢" are also read against the previous question, as for real citizens; that second reading is
-- keyed by both texts and so seldom in the answer cache. "nosessions" sends no session id: each request
-- is then exactly one cache lookup, which is what the hit and miss phases measure.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("questions file missing: wrk ... -- <questions-file> <mix|walk> <threads>")
  mode = args[2] or "mix"
  nthreads = tonumber(args[3] or "1")
  sessions = (args[4] or "sessions") == "sessions"
  if not sessions and args[4] ~= "nosessions" then error("last argument must be sessions or nosessions") end
  if mode ~= "mix" and mode ~= "walk" then error("mode must be mix or walk, not " .. mode) end
  questions = {}
  for line in io.lines(file) do
    if #line > 0 then questions[#questions + 1] = line end
  end
  if #questions == 0 then error("no questions in " .. file) end
  popular = math.min(50, #questions)
  n = 0
  wrapped = 0
  math.randomseed(id * 7919)
end

function request()
  n = n + 1
  local q
  if mode == "walk" then
    local index = id + (n - 1) * nthreads
    if index > #questions then
      wrapped = wrapped + 1
      index = (index - 1) % #questions + 1
    end
    q = questions[index]
  elseif math.random() < 0.5 then
    q = questions[math.random(popular)]
  else
    q = questions[math.random(#questions)]
  end
  local body
  if sessions then
    body = '{"text":' .. q .. ',"sessionId":"wrk-' .. id .. '-' .. math.floor((n - 1) / 4) .. '"}'
  else
    body = '{"text":' .. q .. '}'
  end
  return wrk.format("POST", "/api/v1/ask", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local repeated = 0
  for _, thread in ipairs(threads) do
    repeated = repeated + (thread:get("wrapped") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d repeated=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status, repeated))
end
