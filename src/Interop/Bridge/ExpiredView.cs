using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Python.Runtime;

namespace Hms.Interop.Bridge;

/// <summary>
/// Ends the PyObjects a call was handed for its views. Disposing them would leave any copy of the reference the
/// caller kept pointing at nothing, and pythonnet crashes the process on a disposed object instead of throwing.
/// So the reference is re-pointed at hms_bridge.views.EXPIRED, on which every use raises ViewExpiredError.
/// pythonnet has no public way to re-point a PyObject or to add a reference, so its private pointer field is used
/// and Py_IncRef is called in libpython directly; if a future pythonnet renames the field, references are plainly
/// disposed instead (the pinned 3.2.1 is checked by a test).
/// </summary>
internal static unsafe class ExpiredView
{
    private static delegate* unmanaged<nint, void> s_incRef;
    private static nint s_expired;

    public static bool CanRepoint => s_expired != 0;

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "rawPtr")]
    private static extern ref nint Pointer(PyObject reference);

    /// <summary>On the Python thread, once: <paramref name="expired"/> is views.EXPIRED, kept for the process's life.</summary>
    public static void Prepare(string library, PyObject expired)
    {
        try
        {
            var pointer = Pointer(expired);
            s_incRef = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(NativeLibrary.Load(library), "Py_IncRef");
            s_expired = pointer;
        }
        catch (MissingFieldException)
        {
            s_expired = 0;
        }
    }

    /// <summary>Drops the view's reference to the array and leaves it a reference to views.EXPIRED.</summary>
    public static void Expire(PyObject view)
    {
        if (s_expired == 0)
        {
            view.Dispose();
            return;
        }
        ref var pointer = ref Pointer(view);
        if (pointer == 0)
            return; // disposed by the call itself
        view.Dispose();
        // The reference now owns one count of EXPIRED, given back if the caller ever disposes it.
        s_incRef(s_expired);
        pointer = s_expired;
    }
}
