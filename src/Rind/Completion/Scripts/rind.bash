# bash completion for rind
#
#   source <(rind --completion bash)     in ~/.bashrc, or this file in a
#                                        bash-completion folder
#
# An alias of rind completes too once it is named here, as in
#   alias dj='rind python manage.py'; complete -F _rind_completion dj
#
# Each Tab asks rind itself: `rind --complete WORD...` gets the words after
# rind, the last one the word under the cursor, and prints a candidate a line
# (a tab and a description may follow, which bash does not show). It prints
# nothing when nothing is right, and bash then completes nothing.

_rind_completion() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        # bash-completion joins what COMP_WORDBREAKS split: --service=web is one word.
        _get_comp_words_by_ref -n =: cur words cword
    else
        local line=${COMP_LINE:0:COMP_POINT}
        read -r -a words <<<"$line"
        if [[ ${#words[@]} -eq 0 || $line == *[[:space:]] ]]; then
            words+=("")
        fi
        cword=$((${#words[@]} - 1))
        cur=${words[cword]}
    fi

    # An alias stands for its words: what follows rind in them comes before the typed ones.
    if [[ ${words[0]} != rind && -n ${BASH_ALIASES[${words[0]}]+set} ]]; then
        local -a expansion
        read -r -a expansion <<<"${BASH_ALIASES[${words[0]}]}"
        if [[ ${expansion[0]-} == rind ]]; then
            words=("${expansion[@]}" "${words[@]:1}")
            cword=$((cword + ${#expansion[@]} - 1))
        fi
    fi

    # Readline replaces only what follows the last word break (= or :) in the
    # word, so that much is taken off each candidate.
    local breaks= lead=
    [[ $COMP_WORDBREAKS == *=* ]] && breaks+='='
    [[ $COMP_WORDBREAKS == *:* ]] && breaks+=':'
    if [[ -n $breaks && $cur == *["$breaks"]* ]]; then
        lead=${cur%"${cur##*["$breaks"]}"}
    fi

    COMPREPLY=()
    local candidate value
    while IFS= read -r candidate; do
        value=${candidate%%$'\t'*}
        # A folder or an option's value goes on in the same word.
        if [[ $value == */ || $value == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        printf -v value '%q' "${value#"$lead"}"
        COMPREPLY+=("$value")
    done < <(command rind --complete "${words[@]:1:cword}" 2>/dev/null)
}

complete -F _rind_completion rind
