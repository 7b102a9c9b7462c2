using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SharedServices.Cli;

/// <summary>
/// How many circuits the benchmark's app holds right now, open or kept after their tab went. The circuit meter waits
/// for none before it reads the heap "before", since a circuit ends on the server a while after its tab leaves.
/// </summary>
internal sealed class CircuitCount : CircuitHandler
{
    private int _held;

    public int Held => Volatile.Read(ref _held);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _held);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _held);
        return Task.CompletedTask;
    }
}
