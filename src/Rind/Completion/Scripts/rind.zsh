#compdef rind
# zsh completion for rind
#
#   source <(rind --completion zsh)      in ~/.zshrc, after compinit; or this
#                                        file as _rind in a folder of $fpath
#
# Each Tab asks rind itself: `rind --complete WORD...` gets the words after
# rind, the last one the word under the cursor, and prints a candidate a line,
# with a tab and a description after some. It prints nothing when nothing is
# right, and zsh then completes nothing.

_rind() {
    local -a lines described plain
    local line value ret=1
    lines=("${(@f)$(command rind --complete "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
    for line in "${lines[@]}"; do
        [[ -n $line ]] || continue
        value=${line%%$'\t'*}
        if [[ $value == */ || $value == *= ]]; then
            # A folder or an option's value goes on in the same word.
            compadd -S '' -- "$value" && ret=0
        elif [[ $line == *$'\t'* ]]; then
            described+=("${value//:/\\:}:${line#*$'\t'}")
        else
            plain+=("$value")
        fi
    done
    if (( ${#described} )); then
        _describe -t rind 'rind' described && ret=0
    fi
    if (( ${#plain} )); then
        compadd -a plain && ret=0
    fi
    return ret
}

if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    _rind "$@"
else
    compdef _rind rind
fi
