# fish completion for rind
#
#   rind --completion fish | source      in ~/.config/fish/config.fish, or
#                                        this file as completions/rind.fish
#
# Each Tab asks rind itself: `rind --complete WORD...` gets the words after
# rind, the last one the word under the cursor, and prints a candidate a line,
# with a tab and a description after some. It prints nothing when nothing is
# right, and fish then completes nothing.

function __rind_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l word (commandline -ct)
    command rind --complete $words "$word" 2>/dev/null
end

complete -c rind -f -a '(__rind_complete)'
