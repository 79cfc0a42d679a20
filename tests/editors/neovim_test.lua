-- A trainer's session in Neovim, headless: open a flawed plan with liftlint lsp attached, then read
-- the diagnostics, a hover, a completion and a code action as the editor receives them, and apply the
-- action. Prints what it checked; exits with 1 at the first thing that is not as expected.
local binary = assert(os.getenv('LIFTLINT'), 'LIFTLINT: the liftlint binary')
local plan = assert(os.getenv('PLAN'), 'PLAN: the plan to open')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function check(condition, message)
  if not condition then fail(message) end
  io.stdout:write('ok: ' .. message .. '\n')
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local buffer = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'liftlint',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(plan, ':p:h'),
  })
  check(client_id ~= nil, 'the server starts')
  vim.lsp.buf_attach_client(buffer, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function finding(code)
    for _, d in ipairs(vim.diagnostic.get(buffer)) do
      if d.code == code then return d end
    end
  end
  vim.wait(15000, function() return finding('bp.avoid-deadlift') ~= nil end, 50)
  local deadlift = finding('bp.avoid-deadlift')
  check(deadlift ~= nil, 'diagnostics arrive with bp.avoid-deadlift')
  check(deadlift.severity == vim.diagnostic.severity.ERROR, 'the finding is an error')
  local line = vim.api.nvim_buf_get_lines(buffer, deadlift.lnum, deadlift.lnum + 1, false)[1]
  check(line:sub(deadlift.col + 1, deadlift.end_col) == 'Deadlift', 'the finding covers the exercise name')

  local position = { line = deadlift.lnum, character = deadlift.col + 2 }
  local document = { uri = vim.uri_from_bufnr(buffer) }
  local hover = client.request_sync('textDocument/hover', { textDocument = document, position = position }, 10000, buffer)
  local text = hover and hover.result and hover.result.contents.value or ''
  check(text:find('avoid conventional deadlifts with back pain', 1, true) ~= nil, 'the hover explains the rule')
  check(text:find('Sources:', 1, true) ~= nil, 'the hover cites its sources')

  vim.api.nvim_buf_set_lines(buffer, -1, -1, false, { '  gobl' })
  local last = vim.api.nvim_buf_line_count(buffer) - 1
  local completion = client.request_sync('textDocument/completion',
    { textDocument = document, position = { line = last, character = 6 } }, 10000, buffer)
  local goblet = false
  for _, item in ipairs(completion and completion.result and completion.result.items or {}) do
    goblet = goblet or item.label == 'goblet squat'
  end
  check(goblet, 'completion offers goblet squat for "gobl"')
  vim.api.nvim_buf_set_lines(buffer, last, last + 1, false, {})

  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = document,
    range = { start = position, ['end'] = position },
    context = { diagnostics = {} },
  }, 10000, buffer)
  local substitute
  for _, action in ipairs(actions and actions.result or {}) do
    if action.title:find("replace 'deadlift' with 'trap-bar deadlift'", 1, true) then substitute = action end
  end
  check(substitute ~= nil, 'a code action replaces the deadlift with a trap-bar deadlift')
  vim.lsp.util.apply_workspace_edit(substitute.edit, client.offset_encoding)
  line = vim.api.nvim_buf_get_lines(buffer, deadlift.lnum, deadlift.lnum + 1, false)[1]
  check(line == '  Trap-bar deadlift 3x8', 'the action rewrites the line as "' .. line .. '"')
  vim.wait(15000, function() return finding('bp.avoid-deadlift') == nil end, 50)
  check(finding('bp.avoid-deadlift') == nil, 'the finding goes once the line is fixed')
  vim.cmd('qall!')
end

local ok, message = pcall(run)
if not ok then fail(tostring(message)) end
