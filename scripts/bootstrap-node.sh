# Source this file to put Node.js 24 first on PATH when the machine's node is older than 22.12.
# Node 24 comes from the npm registry's `node` package, cached in $STEWARD_NODE_HOME.
_steward_node_ok() {
  command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _steward_node_ok; then
  STEWARD_NODE_HOME=${STEWARD_NODE_HOME:-$HOME/.cache/steward-node24}
  if [ ! -x "$STEWARD_NODE_HOME/node_modules/.bin/node" ]; then
    mkdir -p "$STEWARD_NODE_HOME"
    [ -f "$STEWARD_NODE_HOME/package.json" ] || echo '{"name":"steward-node24","private":true}' > "$STEWARD_NODE_HOME/package.json"
    (cd "$STEWARD_NODE_HOME" && npm install --no-audit --no-fund --loglevel=error node@24 >/dev/null)
  fi
  export PATH="$STEWARD_NODE_HOME/node_modules/.bin:$PATH"
fi
unset -f _steward_node_ok
