using Rind.Diagnostics;

namespace Rind.Tests.Diagnostics;

public sealed class StderrLoggerTests
{
    [Fact]
    public void A_message_is_one_line_prefixed_with_rind()
    {
        using var stderr = new StringWriter();

        LogMessages.PreStepFound(new StderrLogger(stderr), "label", "cd /app");

        Assert.Equal("rind: pre-step from the label: cd /app\n", stderr.ToString());
    }

    [Fact]
    public void A_value_with_newlines_and_escape_sequences_stays_on_its_line_with_them_as_escapes()
    {
        using var stderr = new StringWriter();

        LogMessages.CandidateChosen(new StderrLogger(stderr), "container web\nrind: all is well\u001b]0;pwned\u0007 (c0ffee\r) carries the label app.rind");

        Assert.Equal(@"rind: container web\nrind: all is well\x1b]0;pwned\x07 (c0ffee\r) carries the label app.rind" + "\n", stderr.ToString());
    }

    [Fact]
    public void A_long_message_is_not_cut()
    {
        using var stderr = new StringWriter();
        var preStep = new string('x', 5_000);

        LogMessages.PreStepFound(new StderrLogger(stderr), "label", preStep);

        Assert.Equal($"rind: pre-step from the label: {preStep}\n", stderr.ToString());
    }
}
