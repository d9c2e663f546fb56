namespace Rind.Cli;

/// <summary>
/// The text of <c>rind --help</c>.
/// </summary>
internal static class UsageText
{
    public const string Text =
        """
        Usage: rind [OPTIONS] [--] [COMMAND [ARG...]]

        Run a command in the running container labelled app.rind, or open a shell
        there when no command is given (bash when the container has it, else
        /bin/sh, or the one the label app.rind.shell names). The label's value,
        when it has one, is run first by /bin/sh (for example: source
        /venv/bin/activate). The command gets a terminal when rind's stdin and
        stdout are terminals.

        rind's options end at the first argument that is not one of them, or at --;
        everything after belongs to the command and reaches it unchanged.

        Options:
          -t, --tty       Give the command a terminal even when stdout is not one
          -T, --no-tty    Give the command no terminal, even in a terminal
          -v, --verbose   Log to stderr which engine, container and exec are used
          -h, --help      Show this help
              --version   Show the version

        Environment:
          DOCKER_HOST         Engine address: unix:///path or tcp://host[:port]
                              (default unix:///var/run/docker.sock)
          DOCKER_API_VERSION  Engine API version to use instead of negotiating one

        Exit status is the command's own; rind's own failures exit 125, a command
        that cannot be run 126, one that is not found 127.

        """;
}
