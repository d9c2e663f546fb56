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
        /venv/bin/activate). In the folder of a dev container (VS Code, the
        devcontainer CLI) rind runs in it, with no label, as its settings say.
        The command gets a terminal when rind's stdin and stdout are terminals
        and rind runs in the foreground; in the background (cmd &, under
        timeout) rind leaves a terminal on stdin unread.

        rind's options end at the first argument that is not one of them, or at --;
        everything after belongs to the command and reaches it unchanged.

        Options:
          -H, --host ADDRESS  Engine to use: unix:///path, tcp://host[:port] or
                              ssh://[user@]host[:port][/path]
              --context NAME  Docker context to use (see docker context ls)
          -s, --service NAME  Run in the labelled container of this compose service
          -c, --container ID  Run in this labelled container (name or id); with --kube,
                              in this pod (its name or the start of it)
          -e, --env KEY=VALUE Set a variable for the command; -e KEY passes rind's own
          -u, --user USER     Run as this user (name or uid[:gid])
          -w, --workdir DIR   Run in this folder of the container
              --no-cwd        Do not run in the folder that matches the current one
              --privileged    Give the command extended privileges
              --kube          Run in the labelled pod of a Kubernetes cluster instead
              --kube-context NAME
                              Kubeconfig context to use (as kubectl's --context)
          -n, --namespace NS  Namespace to find the pod in (as kubectl's --namespace)
          -t, --tty           Give the command a terminal even when stdout is not one
          -T, --no-tty        Give the command no terminal, even in a terminal
          -v, --verbose       Log to stderr which engine, container and exec are used
          -h, --help          Show this help
              --version       Show the version
              --completion SHELL
                              Print the completion script of bash, zsh or fish
                              (for example: source <(rind --completion bash))

        The engine is chosen as the docker command chooses it: --host or --context,
        then DOCKER_HOST, DOCKER_CONTEXT, the current context of the Docker CLI's
        config file, then /var/run/docker.sock (or the rootless Docker and Podman
        sockets when it does not exist).

        When several running containers carry the label, the one of the compose
        project whose folder holds the current directory is chosen.

        With --kube, rind runs in the pod of the namespace that carries the label
        app.rind and is running and ready, in its default container (the annotation
        kubectl.kubernetes.io/default-container, else the first). The cluster and
        the credentials are kubectl's: KUBECONFIG, else ~/.kube/config; the
        namespace is the context's, else default. The pre-step and app.rind.shell
        are the pod's annotations of those names (a label's value cannot hold
        spaces).

        Environment:
          RIND_SERVICE        As --service
          RIND_CONTAINER      As --container
          RIND_KUBE           1, true or yes: as --kube
          RIND_TIMEOUT        Seconds the engine or cluster has to answer each
                              request (30; 0 for no limit); a command's output
                              has no limit
          RIND_COMPLETION_TIMEOUT
                              Seconds a Tab may take before it completes
                              nothing (1)
          DOCKER_HOST         Engine address, as for --host
          DOCKER_CONTEXT      Docker context to use
          DOCKER_TLS_VERIFY   Use TLS and verify the engine's certificate
          DOCKER_TLS          Use TLS without verifying the engine's certificate
          DOCKER_CERT_PATH    Folder of ca.pem, cert.pem and key.pem (default ~/.docker)
          DOCKER_CONFIG       Folder of the Docker CLI's config.json and contexts
          DOCKER_API_VERSION  Engine API version to use instead of negotiating one
          KUBECONFIG          Kubeconfig files, separated by colons, merged as kubectl
                              merges them

        Exit status is the command's own; rind's own failures exit 125, a command
        that cannot be run 126, one that is not found 127.

        """;
}
