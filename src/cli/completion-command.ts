import { Command, Option } from './commander.js';
import type { CliIo } from './cli-io.js';

/** The commands and, for each, its options as a shell completes them (long names, and short ones where they exist). */
export interface CompletionWords {
  readonly commands: readonly string[];
  readonly options: Readonly<Record<string, readonly string[]>>;
}

/** A bash completion script: the command name first, then the options of the command named. */
export function bashCompletion(words: CompletionWords): string {
  const cases = Object.entries(words.options).map(([command, options]) => `    ${command}) opts="${options.join(' ')}" ;;`).join('\n');
  return `# bash completion for ocpi-conformance: source it, or put it in your bash-completion directory
_ocpi_conformance() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" command="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${words.commands.join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$command" in
${cases}
    *) opts="--help" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
}
complete -F _ocpi_conformance ocpi-conformance
`;
}

/** A zsh completion script, through zsh's bash completion compatibility. */
export function zshCompletion(words: CompletionWords): string {
  return `# zsh completion for ocpi-conformance: source it from your .zshrc
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(words)}`;
}

/**
 * `ocpi-conformance completion bash|zsh`: prints a completion script made from the commands' own definitions, so it
 * never lists an option the tool does not have.
 */
export function completionCommand(io: CliIo, _setExitCode: (code: number) => void, words: () => Promise<CompletionWords>): Command {
  return new Command('completion')
    .description('print a shell completion script: eval "$(ocpi-conformance completion bash)", or zsh')
    .addArgument(new Command().createArgument('<shell>', 'bash or zsh').choices(['bash', 'zsh']))
    .action(async (shell: 'bash' | 'zsh') => {
      const known = await words();
      io.stdout.write(shell === 'bash' ? bashCompletion(known) : zshCompletion(known));
    });
}

/** The long and short flags of a command's options. */
export function optionWords(command: Command): string[] {
  return command.options.flatMap((option: Option) => [option.long, option.short].filter((flag): flag is string => typeof flag === 'string'));
}
