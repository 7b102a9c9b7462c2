namespace SharedServices.Cli;

/// <summary>The highest managed heap and working set seen, sampled from a timer while a phase runs.</summary>
internal sealed class PeakMemory
{
    private readonly Lock _lock = new();

    public long Heap { get; private set; }
    public long WorkingSet { get; private set; }

    public void Sample()
    {
        var heap = GC.GetTotalMemory(false);
        var workingSet = Environment.WorkingSet;
        lock (_lock)
        {
            Heap = Math.Max(Heap, heap);
            WorkingSet = Math.Max(WorkingSet, workingSet);
        }
    }
}
