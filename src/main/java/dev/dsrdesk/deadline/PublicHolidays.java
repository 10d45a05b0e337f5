package dev.dsrdesk.deadline;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The public holidays of a place as the jollyday library knows them: a country (ISO 3166-1) and, where the library
 * knows them, its subdivisions, outermost first (Italy's region 62 Lazio, then rm Rome). The library computes every
 * year from its rules (Easter included), so no list runs out. Only days of the type {@code PUBLIC_HOLIDAY} count:
 * the library's observances (California's Lincoln's Birthday) close no office. The library stays behind this class,
 * so a change of library touches nothing else.
 */
public final class PublicHolidays {

    private final String place;
    private final HolidayManager library;
    private final String[] subdivisions;
    private final Set<String> notCounted;
    private final Set<String> closedTheDayAfter;
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(String place, HolidayManager library, String[] subdivisions, Set<String> notCounted,
                           Set<String> closedTheDayAfter) {
        this.place = place;
        this.library = library;
        this.subdivisions = subdivisions;
        this.notCounted = notCounted;
        this.closedTheDayAfter = closedTheDayAfter;
    }

    /** The holidays of {@code country} and its {@code subdivisions}, all of them, as the library lists them. */
    public static PublicHolidays of(String country, List<String> subdivisions) {
        return of(country, subdivisions, Set.of(), Set.of());
    }

    /**
     * The holidays of {@code country} and its {@code subdivisions}, less those the library names among
     * {@code notCounted} (its keys, such as {@code christian.CARNIVAL}: days the library lists that the law behind a
     * clock does not make holidays), plus the day after each holiday named in {@code closedTheDayAfter} (a day the
     * library gets wrong, where the law defines it by another holiday). Refuses a place the library does not know,
     * rather than quietly counting the country alone.
     */
    public static PublicHolidays of(String country, List<String> subdivisions, Set<String> notCounted,
                                    Set<String> closedTheDayAfter) {
        HolidayManager library;
        try {
            library = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        } catch (RuntimeException unknown) {
            throw new IllegalArgumentException("the holiday library knows no country '" + country + "'", unknown);
        }
        CalendarHierarchy level = library.getCalendarHierarchy();
        StringBuilder place = new StringBuilder(country.toUpperCase(Locale.ROOT));
        List<String> codes = new ArrayList<>();
        for (String subdivision : subdivisions) {
            // the library's own spelling: lower case for Italy (rm), upper case for Portugal's municipalities (LSB)
            String code = level.getChildren().keySet().stream().filter(known -> known.equalsIgnoreCase(subdivision))
                    .findFirst().orElse(null);
            if (code == null) {
                throw new IllegalArgumentException("the holiday library knows no subdivision '" + subdivision + "' of "
                        + place + " (it knows " + level.getChildren().keySet().stream().sorted().toList() + ")");
            }
            place.append('/').append(code);
            codes.add(code);
            level = level.getChildren().get(code);
        }
        String[] hierarchy = codes.toArray(String[]::new);
        refuseUnlisted(library, hierarchy, place, notCounted);
        refuseUnlisted(library, hierarchy, place, closedTheDayAfter);
        return new PublicHolidays(place.toString(), library, hierarchy, Set.copyOf(notCounted), Set.copyOf(closedTheDayAfter));
    }

    /** A misspelt key would quietly change nothing: a holiday the library does not list here is refused. */
    private static void refuseUnlisted(HolidayManager library, String[] hierarchy, CharSequence place, Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        int thisYear = Year.now().getValue();
        Set<String> listed = IntStream.rangeClosed(thisYear - 1, thisYear + 1).boxed()
                .flatMap(year -> library.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, hierarchy).stream())
                .map(Holiday::getPropertiesKey)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String key : keys) {
            if (!listed.contains(key)) {
                throw new IllegalArgumentException("the holiday library lists no holiday '" + key + "' in " + place
                        + " (it lists " + listed + ")");
            }
        }
    }

    public boolean isHoliday(LocalDate date) {
        return nameOf(date).isPresent();
    }

    /** The holiday's name in English, as the library gives it ("Tiradentes"), where the day is one. */
    public Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(byYear.computeIfAbsent(date.getYear(), this::holidaysIn).get(date));
    }

    /** Where the holidays are those of, as the library names it: {@code IT}, {@code IT/62/rm}, {@code US/ca}. */
    public String place() {
        return place;
    }

    private Map<LocalDate, String> holidaysIn(int year) {
        // the day a holiday is observed (the United States move a Saturday's Christmas to the Friday) is the day off;
        // it may fall in the year before (New Year's Day 2028, a Saturday, is observed on 31 December 2027)
        List<Holiday> listed = IntStream.rangeClosed(year - 1, year + 1).boxed()
                .flatMap(libraryYear -> library.getHolidays(Year.of(libraryYear), HolidayType.PUBLIC_HOLIDAY, subdivisions).stream())
                .toList();
        Stream<Map.Entry<LocalDate, String>> counted = listed.stream()
                .filter(holiday -> !notCounted.contains(holiday.getPropertiesKey()))
                .map(holiday -> Map.entry(holiday.getDate(), holiday.getDescription(Locale.ENGLISH)));
        Stream<Map.Entry<LocalDate, String>> daysAfter = listed.stream()
                .filter(holiday -> closedTheDayAfter.contains(holiday.getPropertiesKey()))
                .map(holiday -> Map.entry(holiday.getDate().plusDays(1), "the day after " + holiday.getDescription(Locale.ENGLISH)));
        return Stream.concat(counted, daysAfter).filter(day -> day.getKey().getYear() == year)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (one, other) -> one));
    }

    @Override
    public String toString() {
        return place;
    }
}
